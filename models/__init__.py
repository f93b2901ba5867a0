"""The trained pipeline, rebuilt by `extractor train`; loaded by extractor.nlp."""
