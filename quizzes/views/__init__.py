"""Views, one module per audience."""
