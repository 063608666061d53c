/* rules_course.c - the friction rules about the course of a route: the same setback again (K023), a plan signed without time to consider (K024) and work or guidance that does not fit (K025). */
#include "rules_run.h"

/* (being written: each function below is replaced by the rule) */
void rule_same_setback(struct rule_run *run) { (void)run; }
void rule_no_time_to_consider(struct rule_run *run) { (void)run; }
void rule_poor_fit(struct rule_run *run) { (void)run; }
