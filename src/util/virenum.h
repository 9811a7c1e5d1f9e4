/*
 * virenum.h: string tables for enums.
 *
 * Every enum that appears in XML gets one table, declared with
 * VIR_ENUM_DECL in its header and filled with VIR_ENUM_IMPL in its source
 * file; the table's length is checked against the enum's _LAST sentinel at
 * compile time, so adding a value without its string does not build.
 */
#pragma once

#include <stdbool.h>
#include <glib.h>

/* The index of str in types[0..ntypes), or -1. */
int virEnumFromString(const char *const *types, unsigned int ntypes,
                      const char *str);
/* The string for value, or NULL when out of range. */
const char *virEnumToString(const char *const *types, unsigned int ntypes,
                            int value);

#define VIR_ENUM_DECL(name) \
    const char *name##TypeToString(int type); \
    int name##TypeFromString(const char *type)

#define VIR_ENUM_IMPL(name, lastVal, ...) \
    static const char *const _##name##TypeList[] = {__VA_ARGS__}; \
    G_STATIC_ASSERT(G_N_ELEMENTS(_##name##TypeList) == (lastVal)); \
    const char *name##TypeToString(int type) \
    { \
        return virEnumToString(_##name##TypeList, \
                               G_N_ELEMENTS(_##name##TypeList), type); \
    } \
    int name##TypeFromString(const char *type) \
    { \
        return virEnumFromString(_##name##TypeList, \
                                 G_N_ELEMENTS(_##name##TypeList), type); \
    }

/* Tri-state values shared by many documents: absent, yes/on, no/off. */
typedef enum {
    VIR_TRISTATE_BOOL_ABSENT = 0,
    VIR_TRISTATE_BOOL_YES,
    VIR_TRISTATE_BOOL_NO,
    VIR_TRISTATE_BOOL_LAST
} virTristateBool;

typedef enum {
    VIR_TRISTATE_SWITCH_ABSENT = 0,
    VIR_TRISTATE_SWITCH_ON,
    VIR_TRISTATE_SWITCH_OFF,
    VIR_TRISTATE_SWITCH_LAST
} virTristateSwitch;

VIR_ENUM_DECL(virTristateBool);
VIR_ENUM_DECL(virTristateSwitch);

/* Converts between the two spellings: yes <-> on, no <-> off. */
virTristateSwitch virTristateSwitchFromBool(virTristateBool b);
virTristateBool virTristateBoolFromSwitch(virTristateSwitch s);
/* Sets *b from a tri-state; absent leaves it unchanged. */
void virTristateBoolToBool(virTristateBool t, bool *b);
virTristateBool virTristateBoolFromBool(bool b);
