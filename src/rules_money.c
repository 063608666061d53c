/* rules_money.c - the friction rules about money and information: money shocks (K020), wrong information or decisions (K021) and debts nobody attends to (K022). */
#include "rules_run.h"

/* (being written: each function below is replaced by the rule) */
void rule_money_shock(struct rule_run *run) { (void)run; }
void rule_wrong_information(struct rule_run *run) { (void)run; }
void rule_debt_unattended(struct rule_run *run) { (void)run; }
