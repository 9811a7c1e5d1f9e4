/*
 * nwfilter_binding_conf.h: the <filterbinding> document, which ties a
 * network filter (with its parameters) to one port of one domain.
 */
#pragma once

#include "nwfilter_params.h"

typedef struct _virNWFilterBindingDef virNWFilterBindingDef;
struct _virNWFilterBindingDef {
    char *ownername;
    unsigned char owneruuid[16];
    char *portdevname;
    char *linkdevname;
    unsigned char mac[6];
    char *filter;
    virNWFilterParams filterparams;
};

typedef enum {
    VIR_NWFILTER_BINDING_PARSE_VALIDATE = 1 << 0,
} virNWFilterBindingParseFlags;

void virNWFilterBindingDefFree(virNWFilterBindingDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNWFilterBindingDef, virNWFilterBindingDefFree);

virNWFilterBindingDef *virNWFilterBindingDefParseString(const char *xml,
                                                        unsigned int flags);
char *virNWFilterBindingDefFormat(const virNWFilterBindingDef *def);
