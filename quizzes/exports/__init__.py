"""Question sets and facts leaving quizsite (Moodle XML, QTI 3.0, Anki) and Moodle questions
coming in as pinned questions: docs/exports.md says what each format keeps and loses."""
