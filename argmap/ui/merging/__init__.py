"""Settling what a merge of two analysts' maps could not decide."""
