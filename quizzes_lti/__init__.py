"""quizsite as an LTI 1.3 tool (optional: installed when LTI_ENABLED=1). A learning platform
registered by an admin launches quizsite with single sign-on, a teacher places a question set in
a course by deep linking, and scores go back to the platform's grade book (AGS)."""
