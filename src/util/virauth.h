/*
 * virauth.h: asking the application for credentials through its
 * virConnectAuth callback, with upstream's prompts and errors.
 *
 * Drivers that need a user name or password (the test driver's node
 * files with <auth>, later the remote driver) call these.  Credentials
 * from auth.conf files are not read yet: only the callback is asked.
 */
#pragma once

#include "internal.h"

/* A user name (newly allocated) or NULL with an error; prompts "Enter
 * username for HOSTNAME" (with " [DEFAULT]" when defaultUsername). */
char *virAuthGetUsername(virConnectAuthPtr auth, const char *defaultUsername,
                         const char *hostname);
/* A password for username (newly allocated) or NULL with an error. */
char *virAuthGetPassword(virConnectAuthPtr auth, const char *username,
                         const char *hostname);
