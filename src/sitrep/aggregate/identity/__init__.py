"""The identity layer: one identity per real-world person, organisation, place and group across articles.

`names` folds and parses names, `units` reads what each document says about each referent, `match`
links units to identities through blocking keys; the store side keeps the identities, their aliases
and keys, and the users' corrections.
"""
