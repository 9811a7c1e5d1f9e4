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

/* A list of typed parameters being built, with names formatted like
 * printf: each add either succeeds or records the failure (reported),
 * so a producer adds everything and checks once when it takes the
 * array. */
typedef struct _virTypedParamList virTypedParamList;
struct _virTypedParamList {
    virTypedParameterPtr par;
    size_t npar;
    size_t alloc;
    bool failed;
};

void virTypedParamListAddInt(virTypedParamList *list, int value,
                             const char *fmt, ...) G_GNUC_PRINTF(3, 4);
void virTypedParamListAddUInt(virTypedParamList *list, unsigned int value,
                              const char *fmt, ...) G_GNUC_PRINTF(3, 4);
void virTypedParamListAddULLong(virTypedParamList *list,
                                unsigned long long value,
                                const char *fmt, ...) G_GNUC_PRINTF(3, 4);
void virTypedParamListAddBoolean(virTypedParamList *list, bool value,
                                 const char *fmt, ...) G_GNUC_PRINTF(3, 4);
/* A NULL value adds nothing, as absent information. */
void virTypedParamListAddString(virTypedParamList *list, const char *value,
                                const char *fmt, ...) G_GNUC_PRINTF(3, 4);
/* Hands the array over (-1 and nothing handed when an add failed) and
 * empties the list. */
int virTypedParamListSteal(virTypedParamList *list,
                           virTypedParameterPtr *par, int *npar);
void virTypedParamListClear(virTypedParamList *list);
