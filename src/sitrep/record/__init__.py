"""The read side every face shares (CLI, HTTP API, pages): views over the store and its aggregates
(`query`: documents, statements, people, estimates, contradictions, timelines, entities) and exports.
"""
