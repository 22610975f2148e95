"""citywatch: the store, review, scheduler, command line and configuration of the project.

The crawler (``crawler``), the tagger (``nlp``) and the scoring (``scoring``) are top-level
packages of their own, as the design gives; the layers are listed in the README.
"""
