"""Linguistic analysis shared by the stages: named entities from spaCy, taught the corpus's names."""
