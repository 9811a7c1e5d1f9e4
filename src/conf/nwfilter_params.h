/*
 * nwfilter_params.h: what network filter documents share: the
 * <parameter name value/> lists of a <filterref> and the $VARIABLE
 * references that rule attributes may hold instead of values.
 */
#pragma once

#include <stdbool.h>

#include "internal.h"
#include "util/virbuffer.h"
#include "util/virxml.h"

/* Characters of variable names and of parameter values. */
#define VIR_NWFILTER_VALID_VARNAME \
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"
#define VIR_NWFILTER_VALID_VARVALUE \
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:"
#define VIR_NWFILTER_MAX_ITERID 1000

/* One parameter name with its values in document order. */
typedef struct _virNWFilterParam virNWFilterParam;
struct _virNWFilterParam {
    char *name;
    size_t nvalues;
    char **values;
};

/* The parameters of a filter reference, sorted by name (the order in
 * which upstream writes them). */
typedef struct _virNWFilterParams virNWFilterParams;
struct _virNWFilterParams {
    size_t nparams;
    virNWFilterParam *params;
};

void virNWFilterParamsClear(virNWFilterParams *params);
/* Reads the <parameter> children of node; invalid ones are skipped. */
void virNWFilterParamsParseXML(xmlNodePtr node, virNWFilterParams *params);
/* Writes <filterref filter='...'> with the parameters. */
void virNWFilterParamsFormat(virBuffer *buf, const char *filter,
                             const virNWFilterParams *params);

typedef enum {
    VIR_NWFILTER_VAR_ACCESS_ELEMENT = 0,    /* $VAR[3] */
    VIR_NWFILTER_VAR_ACCESS_ITERATOR,       /* $VAR or $VAR[@2] */
} virNWFilterVarAccessType;

typedef struct _virNWFilterVarAccess virNWFilterVarAccess;
struct _virNWFilterVarAccess {
    char *varName;
    virNWFilterVarAccessType accessType;
    unsigned int index;     /* element index or iterator id */
};

/* Parses "VAR", "VAR[n]" or "VAR[@n]" (without the '$'). */
virNWFilterVarAccess *virNWFilterVarAccessParse(const char *str);
void virNWFilterVarAccessFree(virNWFilterVarAccess *access);
/* Writes it back, without the '$'. */
void virNWFilterVarAccessFormat(virBuffer *buf,
                                const virNWFilterVarAccess *access);

/* Parses a MAC address as network filter documents write it. */
int virNWFilterParseMAC(const char *str, unsigned char *mac);
