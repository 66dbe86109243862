"""The Revenue view: a year's money by month as a chart and a table, by client, hours coached."""
