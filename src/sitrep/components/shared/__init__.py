"""Helpers read by more than one concern (events and positions): clause lookups (`clauses`), canonical
party names (`parties`) and the shared lexicon reading and cue classes (`lexicon`)."""
