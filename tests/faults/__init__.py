"""Attack tests: what a stranger, a wrong role or hostile input can do to the app. Bounded and on
127.0.0.1 only; each fault the hardening issue names has a test here that failed before its fix."""
