"""The coach's own career: the ICF client coaching log, credential thresholds, mentor coaching,
continuing education (CCE) and supervision."""
