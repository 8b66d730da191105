"""A faster hash for the one-time passwords teachers hand out.

Django's PBKDF2 costs about half a second a password here: a class of 30 would take 15 s, past
what a request may take. A one-time password is 12 random characters (about 59 bits, nothing a
person chose), so fewer rounds keep it out of reach; it lives until the pupil's first login,
when Django rehashes it with the default hasher and the pupil chooses their own password.
"""

from django.contrib.auth.hashers import PBKDF2PasswordHasher


class OneTimePasswordHasher(PBKDF2PasswordHasher):
    algorithm = "pbkdf2_sha256_onetime"
    iterations = 20_000
