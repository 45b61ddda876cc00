"""Samverkansytan: the collaboration platform of a municipality and its civil society."""
