"""Tip e-mails to jobseekers (SPEC §6): tips to use the platform and improve the profile.

Never a decision, never anything about the benefit, never more than one a week, and an
opt-out link in every mail (it works without logging in) as well as in the settings.

Design: tips_plan() records tips as *due* in the database; tips_send_due() sends what is
due. A failed send leaves the tip due with a later next attempt (the wait doubles), so a
mail server or Redis outage delays tips but loses none. Each send is recorded (TipSend).

Triggers, checked once a day, most important first, one tip per person per run:
- empty profile, a week after the invitation (only once; and only for people who accepted
  the invitation — someone who did not join gets no mail: joining is voluntary);
- profile filled but not shared with employers (only once: sharing is their choice);
- profile not updated for 3 months (once per such period).

Here: selectors.py (who gets which tip), services.py (planning, sending, the choice to
get tips) and optout.py (the link in every mail).
"""
