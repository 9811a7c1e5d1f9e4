/*
 * virenum.c: lookups in the string tables that VIR_ENUM_IMPL builds.
 */
#include <string.h>

#include "virenum.h"

int
virEnumFromString(const char *const *types, unsigned int ntypes,
                  const char *str)
{
    unsigned int i;

    if (!str)
        return -1;
    for (i = 0; i < ntypes; i++) {
        if (types[i] && strcmp(types[i], str) == 0)
            return (int)i;
    }
    return -1;
}

const char *
virEnumToString(const char *const *types, unsigned int ntypes, int value)
{
    if (value < 0 || (unsigned int)value >= ntypes)
        return NULL;
    return types[value];
}

VIR_ENUM_IMPL(virTristateBool, VIR_TRISTATE_BOOL_LAST, "default", "yes", "no");
VIR_ENUM_IMPL(virTristateSwitch, VIR_TRISTATE_SWITCH_LAST, "default", "on",
              "off");

virTristateSwitch
virTristateSwitchFromBool(virTristateBool b)
{
    switch (b) {
    case VIR_TRISTATE_BOOL_YES:
        return VIR_TRISTATE_SWITCH_ON;
    case VIR_TRISTATE_BOOL_NO:
        return VIR_TRISTATE_SWITCH_OFF;
    default:
        return VIR_TRISTATE_SWITCH_ABSENT;
    }
}

virTristateBool
virTristateBoolFromSwitch(virTristateSwitch s)
{
    switch (s) {
    case VIR_TRISTATE_SWITCH_ON:
        return VIR_TRISTATE_BOOL_YES;
    case VIR_TRISTATE_SWITCH_OFF:
        return VIR_TRISTATE_BOOL_NO;
    default:
        return VIR_TRISTATE_BOOL_ABSENT;
    }
}

void
virTristateBoolToBool(virTristateBool t, bool *b)
{
    if (t == VIR_TRISTATE_BOOL_YES)
        *b = true;
    else if (t == VIR_TRISTATE_BOOL_NO)
        *b = false;
}

virTristateBool
virTristateBoolFromBool(bool b)
{
    return b ? VIR_TRISTATE_BOOL_YES : VIR_TRISTATE_BOOL_NO;
}
