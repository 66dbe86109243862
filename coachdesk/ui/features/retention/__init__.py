"""The retention review: clients past the practice's period, to keep, anonymise or erase."""
