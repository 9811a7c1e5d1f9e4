/*
 * viruuid.h: UUIDs in their raw (16 bytes) and string forms.
 */
#pragma once

#include <stddef.h>

/* Accepts 32 hex digits with dashes or spaces between any two of the
 * pairs, and surrounding whitespace, as upstream does; -1 on anything
 * else. */
int virUUIDParse(const char *uuidstr, unsigned char *uuid);
/* Writes the dashed lower-case form into buf (VIR_UUID_STRING_BUFLEN). */
char *virUUIDFormat(const unsigned char *uuid, char *buf);
/* A random (version 4) UUID. */
void virUUIDGenerate(unsigned char *uuid);
