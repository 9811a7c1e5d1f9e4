/*
 * libvirt-common.c: the public typed parameter helpers (virTypedParams*).
 *
 * Applications build parameter arrays with the Add functions and read the
 * arrays drivers return with the Get functions.  The one-per-type Add and
 * Get functions are generated from src/api/libvirt-common.api around the
 * two shared steps here; the rest (from strings, string lists, clearing)
 * is written here.  Like upstream, the Add
 * functions do not look for an existing parameter of the same name (lists
 * such as virTypedParamsAddStringList rely on repeated names), and errors
 * are dispatched at once since there is no connection to attach them to.
 */
#include <stdlib.h>

#include "internal.h"
#include "libvirt-api.h"

#define VIR_FROM_THIS VIR_FROM_NONE

VIR_LOG_INIT("libvirt.common");

static const char *const virTypedParamTypeNames[] = {
    "unknown", "int", "uint", "llong", "ullong", "double", "boolean", "string",
};

static const char *
virTypedParamTypeName(int type)
{
    if (type < 0 || type >= (int)G_N_ELEMENTS(virTypedParamTypeNames))
        return NULL;
    return virTypedParamTypeNames[type];
}

/* Makes room for one more element, growing by half the current size at
 * least, and zeroes the new space, as upstream's allocator does. */
static void
virTypedParamsGrow(virTypedParameterPtr *params, int *nparams, int *maxparams)
{
    size_t max = *maxparams;
    size_t n = *nparams;
    size_t delta;

    if (n + 1 <= max)
        return;
    delta = n + 1 - max;
    if (delta < max / 2)
        delta = max / 2;
    *params = g_renew(virTypedParameter, *params, max + delta);
    memset(*params + max, 0, delta * sizeof(virTypedParameter));
    *maxparams = max + delta;
}

static int
virTypedParamSetField(virTypedParameterPtr param, const char *name)
{
    if (!name || g_strlcpy(param->field, name, VIR_TYPED_PARAM_FIELD_LENGTH) >=
                 VIR_TYPED_PARAM_FIELD_LENGTH) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "Field name '%s' too long",
                       NULLSTR(name));
        return -1;
    }
    return 0;
}

/* Common head of the Add functions (generated from libvirt-common.api):
 * a zeroed slot at the end of the array, named and typed; the caller sets
 * the value and counts it. */
virTypedParameterPtr
virTypedParamsAddPrepare(virTypedParameterPtr *params, int *nparams,
                         int *maxparams, const char *name, int type)
{
    virTypedParameterPtr p;

    virResetLastError();
    virTypedParamsGrow(params, nparams, maxparams);
    p = *params + *nparams;
    if (virTypedParamSetField(p, name) < 0) {
        virDispatchError(NULL);
        return NULL;
    }
    p->type = type;
    return p;
}

int
virTypedParamsAddStringList(virTypedParameterPtr *params, int *nparams,
                            int *maxparams, const char *name,
                            const char **values)
{
    size_t i;
    int rv = -1;

    if (!values)
        return 0;
    for (i = 0; values[i]; i++) {
        if ((rv = virTypedParamsAddString(params, nparams, maxparams, name,
                                          values[i])) < 0)
            break;
    }
    return rv;
}

/* Parses val as a whole number in base 10, rejecting trailing text. */
static bool
virTypedParamParseSigned(const char *val, long long min, long long max,
                         long long *out)
{
    char *end = NULL;
    long long l;

    errno = 0;
    l = g_ascii_strtoll(val, &end, 10);
    if (errno || end == val || *end || l < min || l > max)
        return false;
    *out = l;
    return true;
}

/* Unsigned parsing as upstream's: strtoull rules, so "-1" is accepted and
 * wraps to the type's maximum ("-1" for an unsigned int is UINT_MAX). */
static bool
virTypedParamParseUnsigned(const char *val, unsigned long long max,
                           unsigned long long *out)
{
    char *end = NULL;
    unsigned long long l;

    errno = 0;
    l = g_ascii_strtoull(val, &end, 10);
    if (errno || end == val || *end)
        return false;
    if (max == G_MAXUINT && memchr(val, '-', end - val)) {
        if (-l > max)
            return false;
        l &= max;
    }
    if (l > max)
        return false;
    *out = l;
    return true;
}

static int
virTypedParamAssignFromString(virTypedParameterPtr p, const char *name,
                              int type, const char *val)
{
    long long l;
    unsigned long long ul;

    if (!val) {
        virReportError(VIR_ERR_INVALID_ARG, "NULL value for field '%s'", name);
        return -1;
    }
    if (virTypedParamSetField(p, name) < 0)
        return -1;
    p->type = type;

    switch ((virTypedParameterType)type) {
    case VIR_TYPED_PARAM_INT:
        if (!virTypedParamParseSigned(val, G_MININT, G_MAXINT, &l)) {
            virReportError(VIR_ERR_INVALID_ARG,
                           "Invalid value for field '%s': expected int", name);
            return -1;
        }
        p->value.i = (int)l;
        break;
    case VIR_TYPED_PARAM_UINT:
        if (!virTypedParamParseUnsigned(val, G_MAXUINT, &ul)) {
            virReportError(VIR_ERR_INVALID_ARG,
                           "Invalid value for field '%s': expected unsigned int",
                           name);
            return -1;
        }
        p->value.ui = (unsigned int)ul;
        break;
    case VIR_TYPED_PARAM_LLONG:
        if (!virTypedParamParseSigned(val, G_MININT64, G_MAXINT64, &l)) {
            virReportError(VIR_ERR_INVALID_ARG,
                           "Invalid value for field '%s': expected long long",
                           name);
            return -1;
        }
        p->value.l = l;
        break;
    case VIR_TYPED_PARAM_ULLONG:
        if (!virTypedParamParseUnsigned(val, G_MAXUINT64, &ul)) {
            virReportError(VIR_ERR_INVALID_ARG,
                           "Invalid value for field '%s': expected unsigned long long",
                           name);
            return -1;
        }
        p->value.ul = ul;
        break;
    case VIR_TYPED_PARAM_DOUBLE: {
        char *end = NULL;

        errno = 0;
        p->value.d = strtod(val, &end);
        if (errno || end == val || *end) {
            virReportError(VIR_ERR_INVALID_ARG,
                           "Invalid value for field '%s': expected double",
                           name);
            return -1;
        }
        break;
    }
    case VIR_TYPED_PARAM_BOOLEAN:
        if (g_ascii_strcasecmp(val, "true") == 0 || STREQ(val, "1")) {
            p->value.b = 1;
        } else if (g_ascii_strcasecmp(val, "false") == 0 || STREQ(val, "0")) {
            p->value.b = 0;
        } else {
            virReportError(VIR_ERR_INVALID_ARG,
                           "Invalid boolean value for field '%s'", name);
            return -1;
        }
        break;
    case VIR_TYPED_PARAM_STRING:
        p->value.s = g_strdup(val);
        break;
    default:
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "unexpected type %d for field %s", type, name);
        return -1;
    }
    return 0;
}

int
virTypedParamsAddFromString(virTypedParameterPtr *params, int *nparams,
                            int *maxparams, const char *name, int type,
                            const char *value)
{
    virResetLastError();
    virTypedParamsGrow(params, nparams, maxparams);
    if (virTypedParamAssignFromString(*params + *nparams, name, type,
                                      value) < 0) {
        virDispatchError(NULL);
        return -1;
    }
    (*nparams)++;
    return 0;
}

virTypedParameterPtr
virTypedParamsGet(virTypedParameterPtr params, int nparams, const char *name)
{
    int i;

    /* Reports nothing, so it leaves the last error alone. */
    if (!params || !name)
        return NULL;
    for (i = 0; i < nparams; i++) {
        if (STREQ(params[i].field, name))
            return params + i;
    }
    return NULL;
}

/* Shared head of the Get functions: 0 when absent, -1 (dispatched) on a
 * type mismatch, 1 with *param set otherwise. */
int
virTypedParamsLookup(virTypedParameterPtr params, int nparams,
                     const char *name, int type, virTypedParameterPtr *param)
{
    virResetLastError();
    if (!(*param = virTypedParamsGet(params, nparams, name)))
        return 0;
    if ((*param)->type != type) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "Invalid type '%s' requested for parameter '%s', actual type is '%s'",
                       virTypedParamTypeName(type), name,
                       NULLSTR(virTypedParamTypeName((*param)->type)));
        virDispatchError(NULL);
        return -1;
    }
    return 1;
}

void
virTypedParamsClear(virTypedParameterPtr params, int nparams)
{
    int i;

    if (!params)
        return;
    for (i = 0; i < nparams; i++) {
        if (params[i].type == VIR_TYPED_PARAM_STRING)
            g_clear_pointer(&params[i].value.s, g_free);
    }
}

void
virTypedParamsFree(virTypedParameterPtr params, int nparams)
{
    virTypedParamsClear(params, nparams);
    g_free(params);
}
