"""Helpers read by more than one concern (events and positions): clause lookups (`clauses`), canonical
party names (`parties`), the shared lexicon reading and cue classes (`lexicon`) and span lookups
(`spans`)."""
