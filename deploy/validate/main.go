// Command deploy-validate checks Vicinato's deployment files with the libraries the real tools use:
//
//	deploy-validate compose <compose.yaml> <env file>   loads and validates with compose-go (every profile)
//	deploy-validate rules <alerts.yml>                  parses like `promtool check rules`, prints the metrics used
//	deploy-validate prometheus <prometheus.yml>         loads like `promtool check config` (without following rule_files)
//
// Built by script/bootstrap.sh into .tools/bin (Go module proxy only); run by tests/deploy.
package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"sort"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/prometheus/common/model"
	"github.com/prometheus/prometheus/config"
	_ "github.com/prometheus/prometheus/discovery/dns" // dns_sd_configs
	"github.com/prometheus/prometheus/model/rulefmt"
	"github.com/prometheus/prometheus/promql/parser"
)

func main() {
	if len(os.Args) < 3 {
		fail("usage: deploy-validate compose <file> <env file> | rules <file> | prometheus <file>")
	}
	switch os.Args[1] {
	case "compose":
		if len(os.Args) != 4 {
			fail("usage: deploy-validate compose <file> <env file>")
		}
		compose(os.Args[2], os.Args[3])
	case "rules":
		rules(os.Args[2])
	case "prometheus":
		cfg, err := config.LoadFile(os.Args[2], false, slog.New(slog.NewTextHandler(os.Stderr, nil)))
		if err != nil {
			fail(err.Error())
		}
		for _, sc := range cfg.ScrapeConfigs {
			fmt.Printf("job\t%s\t%s\n", sc.JobName, sc.HTTPClientConfig.Authorization.Type)
		}
	default:
		fail("unknown command " + os.Args[1])
	}
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, msg)
	os.Exit(1)
}

func compose(file, envFile string) {
	opts, err := cli.NewProjectOptions(
		[]string{file},
		cli.WithEnvFiles(envFile),
		cli.WithDotEnv,
		cli.WithProfiles([]string{"*"}),
		cli.WithConsistency(true),
		cli.WithResolvedPaths(true),
	)
	if err != nil {
		fail(err.Error())
	}
	project, err := opts.LoadProject(context.Background())
	if err != nil {
		fail(err.Error())
	}
	names := project.ServiceNames()
	sort.Strings(names)
	for _, name := range names {
		s := project.Services[name]
		replicas := 1
		if s.Deploy != nil && s.Deploy.Replicas != nil {
			replicas = *s.Deploy.Replicas
		}
		services := s.Environment["SERVICES"]
		role := ""
		if services != nil {
			role = *services
		}
		fmt.Printf("service\t%s\t%d\t%s\t%v\n", name, replicas, role, s.Profiles)
	}
}

func rules(file string) {
	p := parser.NewParser(parser.Options{})
	groups, errs := rulefmt.ParseFile(file, false, model.UTF8Validation, p, slog.New(slog.NewTextHandler(os.Stderr, nil)))
	if len(errs) > 0 {
		for _, e := range errs {
			fmt.Fprintln(os.Stderr, e)
		}
		os.Exit(1)
	}
	metrics := map[string]bool{}
	count := 0
	for _, g := range groups.Groups {
		for _, r := range g.Rules {
			count++
			expr, err := p.ParseExpr(r.Expr)
			if err != nil {
				fail(fmt.Sprintf("%s: %v", r.Alert, err))
			}
			parser.Inspect(expr, func(node parser.Node, _ []parser.Node) error {
				if vs, ok := node.(*parser.VectorSelector); ok {
					metrics[vs.Name] = true
				}
				return nil
			})
			fmt.Printf("rule\t%s\n", r.Alert)
		}
	}
	names := make([]string, 0, len(metrics))
	for m := range metrics {
		names = append(names, m)
	}
	sort.Strings(names)
	for _, m := range names {
		fmt.Printf("metric\t%s\n", m)
	}
	fmt.Printf("rules\t%d\n", count)
}
