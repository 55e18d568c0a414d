# Place-name stems from china-division 2.7.0 (dist/provinces.csv, cities.csv, areas.csv): the name without its
# unit (北京市 -> 北京, 延边朝鲜族自治州 -> 延边, 朝阳区 -> 朝阳). County-level stems that are a common word of jieba's
# dictionary not tagged as a place (ns) are left out (和平区, 城关镇 stay out), as are development zones.
import csv, gzip, re, sys
dist, jieba = sys.argv[1], sys.argv[2]
tags = {}
for line in gzip.open(jieba, "rt", encoding="utf-8"):
    w, f, t = line.split()
    tags[w] = t
ethnic = ("蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 "
          "达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 "
          "赫哲 门巴 珞巴 基诺").split()
ethnic_re = re.compile("(?:(?:各|" + "|".join(sorted(ethnic, key=len, reverse=True)) + ")族)+$")
units = ["特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区", "省", "市", "县", "区", "旗", "盟"]
skip = re.compile("辖|直辖|开发|新区|园区|管理|工业|经济|高新|试验|矿区|农场|示范|行政区划")
def stem(name):
    if skip.search(name):
        return None
    for u in units:
        if name.endswith(u) and len(name) > len(u):
            name = name[: -len(u)]
            break
    name = ethnic_re.sub("", name)
    return name if len(name) >= 2 else None
out = set()
for file, county in (("provinces.csv", False), ("cities.csv", False), ("areas.csv", True)):
    for row in csv.DictReader(open(f"{dist}/{file}", encoding="utf-8")):
        s = stem(row["name"])
        if s is None or (county and s in tags and tags[s] != "ns"):
            continue
        out.add(s)
sys.stdout.write("".join(s + "\n" for s in sorted(out)))
