/*
 * virtypedparam.h: checks on typed parameter arrays passed to the API.
 */
#pragma once

#include "internal.h"

/* Checks an array an application passes to a "set parameters" call:
 * every field NUL-terminated within VIR_TYPED_PARAM_FIELD_LENGTH and a
 * known type.  Reports VIR_ERR_INVALID_ARG and returns -1 otherwise. */
int virTypedParamsValidateSet(virConnectPtr conn, virTypedParameterPtr params,
                              int nparams);
