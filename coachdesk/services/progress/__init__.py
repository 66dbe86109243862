"""Progress: goals with milestones and ratings, action items, follow-ups, progress reports."""
