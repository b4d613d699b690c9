"""The coach module (Matchcare's coach module): the candidate list, intake and import, the
candidate page with its actions, and contact requests. Every page is for coaches only and
reads candidates through Candidate.objects.visible_to(), so another municipality's
candidate is a 404."""
