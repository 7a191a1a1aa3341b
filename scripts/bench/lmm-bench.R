# lme4 side of the celltrial LMM benchmark: reads the cohort CSV given as the first argument, fits
# alsfrs_r ~ months * arm + (1 + months | subject) by REML with lme4's default settings `reps` times,
# and prints the elapsed times and the estimates as "key: values" lines for scripts/bench/run-bench.ts.
suppressPackageStartupMessages(library(lme4))
args <- commandArgs(trailingOnly = TRUE)
reps <- if (length(args) >= 2) as.integer(args[2]) else 3L
d <- read.csv(args[1])
d$arm <- factor(d$arm, levels = sort(unique(d$arm)))
times <- numeric(reps)
for (i in seq_len(reps)) {
  times[i] <- system.time(m <- lmer(alsfrs_r ~ months * arm + (1 + months | subject), data = d, REML = TRUE))[["elapsed"]]
}
vc <- as.data.frame(VarCorr(m))
f <- function(key, x) cat(key, ": ", paste(sprintf("%.17g", x), collapse = " "), "\n", sep = "")
cat("version: ", R.version.string, ", lme4 ", as.character(packageVersion("lme4")), "\n", sep = "")
cat("converged: ", if (length(m@optinfo$conv$lme4$messages) == 0) "yes" else paste(m@optinfo$conv$lme4$messages, collapse = "; "), "\n", sep = "")
f("seconds", times)
f("fixef", fixef(m))
f("se", sqrt(diag(as.matrix(vcov(m)))))
f("varcorr", vc$sdcor)
f("reml", REMLcrit(m))
f("feval", m@optinfo$feval)
# Accuracy reference (not timed): the same model with bobyqa run to a tight tolerance.
tight <- lmer(alsfrs_r ~ months * arm + (1 + months | subject), data = d, REML = TRUE,
              control = lmerControl(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-10, maxfun = 1e5)))
vt <- as.data.frame(VarCorr(tight))
f("tight_fixef", fixef(tight))
f("tight_se", sqrt(diag(as.matrix(vcov(tight)))))
f("tight_varcorr", vt$sdcor)
f("tight_reml", REMLcrit(tight))
