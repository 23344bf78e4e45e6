"""What Schaatsradar knows: skaters, rinks, competitions, races, results and records with
their history and provenance, reconciled from extracted facts, reference data and official
result lists; and the season calendar."""
