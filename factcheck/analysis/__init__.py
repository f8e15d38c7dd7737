"""Linguistic analysis shared by the stages: names from spaCy, taught the corpus's names."""
