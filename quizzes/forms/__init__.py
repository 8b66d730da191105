"""Forms, one module per page family."""
