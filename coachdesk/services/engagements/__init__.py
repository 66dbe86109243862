"""Engagements: the programmes with a client, their terms, and how many sessions are used."""
