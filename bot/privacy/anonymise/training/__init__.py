"""Building the name model: training sentences from the tuning stories and hand lists, and the trainer.

A build-time tool, never imported by the service.  It may import the anonymiser's private modules so
that training and run time describe words the same way.
"""
