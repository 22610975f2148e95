"""Running citywatch unattended: cron jobs from the source registry (``service``, ``jobs``), a job lock in
the store (``lock``), operations settings (``config``) and alert channels (``alerts``).
See docs/operations.md."""
