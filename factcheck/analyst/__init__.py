"""analyst stage."""
