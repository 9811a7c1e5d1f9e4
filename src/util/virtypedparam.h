/*
 * virtypedparam.h: checks on typed parameter arrays passed to the API.
 */
#pragma once

#include "internal.h"

/* Or'd into a type given to virTypedParamsValidate: the name may repeat. */
#define VIR_TYPED_PARAM_MULTIPLE (1U << 31)

/* Checks an array an application passes to a "set parameters" call:
 * every field NUL-terminated within VIR_TYPED_PARAM_FIELD_LENGTH and a
 * known type.  Reports VIR_ERR_INVALID_ARG and returns -1 otherwise. */
int virTypedParamsValidateSet(virConnectPtr conn, virTypedParameterPtr params,
                              int nparams);

/* Checks params against the accepted (name, type) pairs that follow,
 * ending with NULL: an unknown name, a wrong type or a repeated name
 * (unless its type has VIR_TYPED_PARAM_MULTIPLE) is reported with
 * upstream's code and wording. */
int virTypedParamsValidate(virTypedParameterPtr params, int nparams, ...)
    G_GNUC_NULL_TERMINATED;
/* Fills *param with name, type and the value that follows (of the C type
 * the typed parameter type names); a string value is taken. */
int virTypedParamAssign(virTypedParameterPtr param, const char *name,
                        int type, ...);
