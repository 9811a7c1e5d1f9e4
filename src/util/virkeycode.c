/*
 * virkeycode.c: the key codes each codeset of virDomainSendKey knows.
 *
 * Each codeset's codes are listed as inclusive ranges (the same codes
 * upstream's tables hold, among them 0, which every table has for the
 * keys a codeset lacks); a code is valid when a range holds it.
 */
#include "internal.h"
#include "virkeycode.h"

typedef struct {
    unsigned short first;
    unsigned short last;
} virKeycodeRange;

static const virKeycodeRange virKeycodes_linux[] = {
    {0, 265}, {272, 279}, {288, 299}, {303, 318}, {320, 327}, {330, 337},
    {352, 439}, {448, 451}, {464, 484}, {497, 506}, {512, 524},
};

static const virKeycodeRange virKeycodes_xt[] = {
    {0, 95}, {99, 109}, {111, 121}, {123, 123}, {125, 126}, {57345, 57356},
    {57358, 57360}, {57362, 57385}, {57387, 57398}, {57400, 57439},
    {57443, 57453}, {57455, 57465}, {57467, 57467}, {57469, 57469},
};

static const virKeycodeRange virKeycodes_atset1[] = {
    {0, 95}, {99, 109}, {111, 121}, {123, 123}, {125, 126}, {57345, 57356},
    {57358, 57360}, {57362, 57385}, {57387, 57398}, {57400, 57439},
    {57443, 57453}, {57455, 57465}, {57467, 57467}, {57469, 57469},
};

static const virKeycodeRange virKeycodes_atset2[] = {
    {0, 1}, {3, 7}, {9, 15}, {17, 22}, {26, 30}, {33, 39}, {41, 47}, {49, 55},
    {58, 63}, {65, 70}, {73, 78}, {81, 82}, {84, 85}, {88, 91}, {93, 93},
    {95, 95}, {97, 100}, {102, 103}, {105, 109}, {112, 127}, {131, 131},
    {57360, 57362}, {57364, 57365}, {57368, 57368}, {57375, 57377},
    {57379, 57379}, {57383, 57384}, {57387, 57387}, {57391, 57392},
    {57394, 57394}, {57396, 57396}, {57399, 57400}, {57402, 57403},
    {57407, 57408}, {57416, 57416}, {57418, 57418}, {57421, 57421},
    {57424, 57424}, {57434, 57434}, {57438, 57438}, {57449, 57449},
    {57451, 57452}, {57455, 57458}, {57460, 57461}, {57463, 57463},
    {57465, 57466}, {57469, 57469},
};

static const virKeycodeRange virKeycodes_atset3[] = {
    {0, 0}, {7, 63}, {65, 71}, {73, 79}, {82, 82}, {84, 103}, {105, 118},
    {121, 122}, {124, 131}, {133, 135}, {139, 142}, {145, 145}, {147, 152},
    {154, 163},
};

static const virKeycodeRange virKeycodes_os_x[] = {
    {0, 51}, {53, 65}, {67, 67}, {69, 69}, {71, 76}, {78, 107}, {109, 111},
    {113, 126}, {255, 255},
};

static const virKeycodeRange virKeycodes_xt_kbd[] = {
    {0, 95}, {99, 109}, {111, 121}, {123, 123}, {125, 126}, {257, 268},
    {270, 272}, {274, 297}, {299, 310}, {312, 351}, {355, 365}, {367, 377},
    {379, 379}, {381, 381},
};

static const virKeycodeRange virKeycodes_usb[] = {
    {0, 0}, {4, 48}, {50, 119}, {121, 125}, {133, 133}, {135, 140},
    {144, 148}, {182, 183}, {224, 251},
};

static const virKeycodeRange virKeycodes_win32[] = {
    {0, 2}, {4, 6}, {8, 9}, {13, 13}, {17, 22}, {26, 29}, {32, 42}, {44, 57},
    {65, 93}, {95, 135}, {144, 145}, {160, 161}, {163, 163}, {165, 180},
    {186, 192}, {219, 222}, {226, 226}, {242, 242}, {250, 251},
};

static const virKeycodeRange virKeycodes_qnum[] = {
    {0, 95}, {99, 109}, {111, 121}, {123, 123}, {125, 126}, {129, 140},
    {142, 144}, {146, 169}, {171, 182}, {184, 223}, {227, 237}, {239, 249},
    {251, 251}, {253, 253},
};

typedef struct {
    const char *name;
    const virKeycodeRange *ranges;
    size_t nranges;
} virKeycodeSetInfo;

#define VIR_KEYCODE_SET(id, name) \
    [VIR_KEYCODE_SET_##id] = { #name, virKeycodes_##name, \
                               G_N_ELEMENTS(virKeycodes_##name) }

static const virKeycodeSetInfo virKeycodeSets[VIR_KEYCODE_SET_LAST] = {
    VIR_KEYCODE_SET(LINUX, linux),
    VIR_KEYCODE_SET(XT, xt),
    VIR_KEYCODE_SET(ATSET1, atset1),
    VIR_KEYCODE_SET(ATSET2, atset2),
    VIR_KEYCODE_SET(ATSET3, atset3),
    VIR_KEYCODE_SET(OSX, os_x),
    VIR_KEYCODE_SET(XT_KBD, xt_kbd),
    VIR_KEYCODE_SET(USB, usb),
    VIR_KEYCODE_SET(WIN32, win32),
    VIR_KEYCODE_SET(QNUM, qnum),
};

const char *
virKeycodeSetTypeToString(unsigned int codeset)
{
    if (codeset >= VIR_KEYCODE_SET_LAST)
        return NULL;
    return virKeycodeSets[codeset].name;
}

bool
virKeycodeIsValid(unsigned int codeset, unsigned int keycode)
{
    const virKeycodeSetInfo *set;
    size_t i;

    if (codeset >= VIR_KEYCODE_SET_LAST)
        return false;
    set = &virKeycodeSets[codeset];
    for (i = 0; i < set->nranges; i++) {
        if (keycode >= set->ranges[i].first && keycode <= set->ranges[i].last)
            return true;
    }
    return false;
}
