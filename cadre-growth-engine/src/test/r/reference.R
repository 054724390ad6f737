# Reference results for the Cadre growth engine, computed with R's own splines::bs and
# quantreg::rq following the SGP package's conventions (createKnotsBoundaries, 100 taus,
# predictions rounded to 5 decimals, 0 -> 1 and 100 -> 99, highest complete order wins).
#
# usage: Rscript reference.R SCORES.csv YEAR MAX_ORDER OUT_DIR [br|fn] [basis]
#   writes OUT_DIR/knots.csv, rq.csv (objective and coefficients per cohort and tau) and
#   sgp.csv; with "basis" also basis.csv (bs values inside and outside the boundaries).
#   Prints on stdout the seconds spent in the rq calls alone (wall, then CPU: user + system) and
#   in rq plus the percentiles (wall, CPU): "rq_wall rq_cpu fit_wall fit_cpu".
suppressPackageStartupMessages({ library(splines); library(quantreg) })

args <- commandArgs(trailingOnly = TRUE)
scores.file <- args[1]
year <- as.integer(args[2])
max.order <- as.integer(args[3])
out.dir <- args[4]
method <- if (length(args) >= 5) args[5] else "br"
with.basis <- length(args) >= 6 && args[6] == "basis"
dir.create(out.dir, showWarnings = FALSE, recursive = TRUE)
num <- function(x) sprintf("%.17g", x)

d <- read.csv(scores.file, colClasses = c(student_id = "character", subject = "character",
                                          grade = "character", year = "integer",
                                          scale_score = "numeric"))

# Knots and boundaries per subject and grade from every year, as SGP's createKnotsBoundaries.
kb <- list()
kb.rows <- c()
for (su in sort(unique(d$subject))) for (g in sort(unique(d$grade[d$subject == su]))) {
  s <- d$scale_score[d$subject == su & d$grade == g]
  k <- round(quantile(s, probs = c(0.2, 0.4, 0.6, 0.8), names = FALSE, type = 7), digits = 3)
  b <- round(extendrange(s, f = 0.1), digits = 3)
  kb[[paste(su, g)]] <- list(knots = k, bounds = b)
  kb.rows <- c(kb.rows, paste(su, g, paste(num(c(k, b)), collapse = ","), sep = ","))
}
writeLines(c("subject,grade,knot1,knot2,knot3,knot4,lower_boundary,upper_boundary", kb.rows),
           file.path(out.dir, "knots.csv"))

if (with.basis) {
  first <- kb[[1]]
  lo <- first$bounds[1]; hi <- first$bounds[2]; w <- hi - lo
  x <- c(lo - 0.3 * w, lo - 0.1 * w, lo - 1e-3, lo, first$knots, hi, hi + 1e-3, hi + 0.1 * w,
         hi + 0.3 * w, seq(lo, hi, length.out = 41))
  basis <- suppressWarnings(bs(x, knots = first$knots, Boundary.knots = first$bounds))
  lines <- apply(cbind(x, unclass(basis)[, 1:7]), 1, function(r) paste(num(r), collapse = ","))
  writeLines(c(paste0("# knots ", paste(num(first$knots), collapse = " "), " boundaries ",
                      paste(num(first$bounds), collapse = " ")),
               "x,b1,b2,b3,b4,b5,b6,b7", lines), file.path(out.dir, "basis.csv"))
}

# Current-year rows with their consecutive prior years in the same subject.
key <- paste(d$student_id, d$subject, d$year)
cur <- d[d$year == year, ]
complete <- rep(TRUE, nrow(cur))
prior.score <- list(); prior.grade <- list()
for (k in seq_len(max.order)) {
  m <- match(paste(cur$student_id, cur$subject, year - k), key)
  complete <- complete & !is.na(m)
  prior.score[[k]] <- ifelse(complete, d$scale_score[m], NA)
  prior.grade[[k]] <- ifelse(complete, d$grade[m], NA)
}
taus <- (1:100 - 0.5) / 100
sgp <- matrix(NA_integer_, nrow(cur), max.order)
rq.rows <- c()
cpu <- function(t) t[["user.self"]] + t[["sys.self"]] + t[["user.child"]] + t[["sys.child"]]
rq.wall <- 0; rq.cpu <- 0; fit.wall <- 0; fit.cpu <- 0
for (k in seq_len(max.order)) {
  has <- !is.na(prior.score[[k]])
  group <- do.call(paste, c(list(cur$subject, cur$grade), lapply(prior.grade[1:k], identity)))
  for (cohort in sort(unique(group[has]))) {
    rows <- which(has & group == cohort)
    X <- NULL
    for (j in 1:k) {
      kk <- kb[[paste(cur$subject[rows[1]], prior.grade[[j]][rows[1]])]]
      X <- cbind(X, bs(prior.score[[j]][rows], knots = kk$knots, Boundary.knots = kk$bounds))
    }
    if (length(rows) <= ncol(X) + 1) next
    y <- cur$scale_score[rows]
    t0 <- proc.time()
    fit <- suppressWarnings(rq(y ~ X, tau = taus, method = method))
    t1 <- proc.time()
    rq.wall <- rq.wall + t1[["elapsed"]] - t0[["elapsed"]]; rq.cpu <- rq.cpu + cpu(t1) - cpu(t0)
    coefs <- as.matrix(coef(fit))
    pred <- round(cbind(1, X) %*% coefs, digits = 5)
    pred <- t(apply(pred, 1, sort))
    below <- rowSums(pred < y)
    below[below == 0] <- 1L
    below[below == 100] <- 99L
    sgp[rows, k] <- below
    t2 <- proc.time()
    fit.wall <- fit.wall + t2[["elapsed"]] - t0[["elapsed"]]; fit.cpu <- fit.cpu + cpu(t2) - cpu(t0)
    resid <- y - cbind(1, X) %*% coefs
    loss <- sapply(seq_along(taus), function(t) sum(resid[, t] * (taus[t] - (resid[, t] < 0))))
    for (t in seq_along(taus)) {
      rq.rows <- c(rq.rows, paste(cur$subject[rows[1]], cur$grade[rows[1]], k, num(taus[t]),
                                  length(rows), num(loss[t]), paste(num(coefs[, t]), collapse = ";"),
                                  sep = ","))
    }
  }
}
writeLines(c("subject,grade,order,tau,students,objective,coefficients", rq.rows),
           file.path(out.dir, "rq.csv"))

best <- rep(NA_integer_, nrow(cur)); best.order <- rep(NA_integer_, nrow(cur))
for (k in seq_len(max.order)) {
  ok <- !is.na(sgp[, k])
  best[ok] <- sgp[ok, k]; best.order[ok] <- k
}
out <- data.frame(student_id = cur$student_id, subject = cur$subject, year = cur$year,
                  grade = cur$grade, sgp = best, order = best.order)[!is.na(best), ]
write.csv(out, file.path(out.dir, "sgp.csv"), row.names = FALSE, quote = FALSE)
cat(sprintf("%.3f %.3f %.3f %.3f\n", rq.wall, rq.cpu, fit.wall, fit.cpu))
