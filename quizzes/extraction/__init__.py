"""Reading a teacher's text and proposing its facts (dated events, people and their roles,
places, figures), each with its verbatim quote. Plain Python around spaCy and our own date
rules: no database, so `manage.py extract_facts`, the background task and the tests share one code path.
"""
