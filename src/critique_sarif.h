/* SARIF 2.1.0 output, behind critique_write() (critique_report.c). */
#ifndef NAPKIN_CRITIQUE_SARIF_H
#define NAPKIN_CRITIQUE_SARIF_H

#include <stdio.h>

#include "critique.h"

void critique_write_sarif(const struct critique *c, const char *file, FILE *out);

#endif
