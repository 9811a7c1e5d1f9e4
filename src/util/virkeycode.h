/*
 * virkeycode.h: the codesets of virDomainSendKey and the key codes each
 * of them knows.
 */
#pragma once

#include "internal.h"

/* The codeset's name as upstream's messages give it ("linux", "os_x"...),
 * NULL when out of range. */
const char *virKeycodeSetTypeToString(unsigned int codeset);
/* Whether codeset has a key with that code. */
bool virKeycodeIsValid(unsigned int codeset, unsigned int keycode);
