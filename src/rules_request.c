/* rules_request.c - the friction rules about what the person asks and is promised: broken promises (K015), requests nobody answers (K016), being sent from pillar to post (K017), complaints not handled (K018) and long silences (K019). */
#include "rules_run.h"

/* (being written: each function below is replaced by the rule) */
void rule_broken_promise(struct rule_run *run) { (void)run; }
void rule_unanswered(struct rule_run *run) { (void)run; }
void rule_pillar_to_post(struct rule_run *run) { (void)run; }
void rule_complaint_not_handled(struct rule_run *run) { (void)run; }
void rule_long_silence(struct rule_run *run) { (void)run; }
