"""Forms of the employer portal and the account manager's module. They parse and check input
and give Dutch messages; the services decide and save."""
