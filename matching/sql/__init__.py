"""The two rankings as PostgreSQL queries, assembled from the components' declarations
(matching/components/): each component gives its SQL for the side that is known, and these
modules add what is not a component — who is relevant (the pool), who the viewer may see,
the weighted sum, the order of ties.

- candidates.py: candidates for a vacancy;
- vacancies.py: vacancies for a candidate;
- common.py: what both share.

Both compute the same integers as the Python rules (tests/matching/test_sql_equivalence.py
compares them on random data), so the database ranks and Python only explains the rows it
returns.
"""

from .candidates import Reach, candidates_for_vacancy
from .vacancies import vacancies_for_candidate

__all__ = ["Reach", "candidates_for_vacancy", "vacancies_for_candidate"]
