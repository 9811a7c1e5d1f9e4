/*
 * virauth.c: credentials through the application's auth callback.
 */
#include "virauth.h"

#define VIR_FROM_THIS VIR_FROM_AUTH

/* Asks for one credential of the first type in wanted[] that the
 * application accepts. */
static char *
virAuthAsk(virConnectAuthPtr auth, const int *wanted, size_t nwanted,
           const char *prompt, const char *hostname,
           const char *defresult, const char *failure,
           const char *missing)
{
    unsigned int i;
    size_t j;

    if (!auth) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "Missing authentication credentials");
        return NULL;
    }
    for (i = 0; i < auth->ncredtype; i++) {
        virConnectCredential cred = {0};

        for (j = 0; j < nwanted; j++) {
            if (auth->credtype[i] == wanted[j])
                break;
        }
        if (j == nwanted)
            continue;
        if (!auth->cb) {
            virReportError(VIR_ERR_INVALID_ARG, "%s",
                           "Missing authentication callback");
            return NULL;
        }
        cred.type = auth->credtype[i];
        cred.prompt = prompt;
        cred.challenge = hostname;
        cred.defresult = defresult;
        if (auth->cb(&cred, 1, auth->cbdata) < 0) {
            virReportError(VIR_ERR_AUTH_FAILED, "%s", failure);
            g_free(cred.result);
            return NULL;
        }
        return cred.result;
    }
    virReportError(VIR_ERR_AUTH_FAILED, "%s", missing);
    return NULL;
}

char *
virAuthGetUsername(virConnectAuthPtr auth, const char *defaultUsername,
                   const char *hostname)
{
    static const int wanted[] = {VIR_CRED_AUTHNAME};
    g_autofree char *prompt = NULL;

    if (defaultUsername)
        prompt = g_strdup_printf("Enter username for %s [%s]", hostname,
                                 defaultUsername);
    else
        prompt = g_strdup_printf("Enter username for %s", hostname);
    return virAuthAsk(auth, wanted, G_N_ELEMENTS(wanted), prompt, hostname,
                      defaultUsername, "Username request failed",
                      "Missing VIR_CRED_AUTHNAME credential type");
}

char *
virAuthGetPassword(virConnectAuthPtr auth, const char *username,
                   const char *hostname)
{
    static const int wanted[] = {VIR_CRED_PASSPHRASE, VIR_CRED_NOECHOPROMPT};
    g_autofree char *prompt = g_strdup_printf("Enter %s's password for %s",
                                              username, hostname);

    return virAuthAsk(auth, wanted, G_N_ELEMENTS(wanted), prompt, hostname,
                      NULL, "Password request failed",
                      "Missing VIR_CRED_PASSPHRASE or VIR_CRED_NOECHOPROMPT "
                      "credential type");
}
