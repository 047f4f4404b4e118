"""Faults and attacks: the core under broken networks, dead processes and hostile input."""
