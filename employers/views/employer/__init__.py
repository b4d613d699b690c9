"""The employer portal (issue 6): search, profiles and contact, lists, saved searches,
own vacancies. One small module per page group; every view is for employer users only."""
