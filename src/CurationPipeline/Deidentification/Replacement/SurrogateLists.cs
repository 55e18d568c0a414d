using Bogus.Bson;

namespace CurationPipeline.Deidentification;

/// <summary>Value lists the surrogates are drawn from (Bogus zh_CN and en data plus small fixed lists).</summary>
internal static class SurrogateLists
{
    public static readonly string[] ZhSurnames = Load("name", "last_name", "zh_CN");
    public static readonly string[] ZhGivenNames = Load("name", "first_name", "zh_CN");
    public static readonly string[] EnFirstNames = Load("name", "first_name", "en");
    public static readonly string[] EnLastNames = Load("name", "last_name", "en");
    public static readonly string[] EnStreetSuffixes = Load("address", "street_suffix", "en");
    public static readonly string[] EnCitySuffixes = Load("address", "city_suffix", "en");
    public static readonly string[] EnStates = Load("address", "state_abbr", "en");
    public static readonly string[] ZhProvinces = Load("address", "state", "zh_CN");

    public static readonly string[] ZhCities =
        ["杭州市", "宁波市", "温州市", "南京市", "苏州市", "无锡市", "合肥市", "福州市", "厦门市", "济南市", "青岛市", "郑州市",
         "武汉市", "长沙市", "广州市", "深圳市", "成都市", "昆明市", "西安市", "兰州市", "沈阳市", "大连市", "长春市", "南昌市"];

    public static readonly string[] ZhDistricts =
        ["东城区", "西湖区", "江北区", "高新区", "滨江区", "鼓楼区", "天河区", "南山区", "武侯区", "雁塔区", "历下区", "金水区",
         "洪山区", "岳麓区", "思明区", "和平区", "新城区", "城关区", "经开区", "开发区"];

    public static readonly string[] ZhRoadWords =
        ["文三", "解放", "人民", "建设", "中山", "和平", "光明", "新华", "胜利", "长江", "黄河", "青年", "幸福", "朝阳", "东风", "团结"];

    public static readonly string[] ZhOrgWords =
        ["华信", "恒通", "远达", "新宇", "联创", "瑞丰", "弘远", "嘉禾", "同方", "启明", "博远", "中汇", "东方", "宏达", "广源", "鑫海"];

    public static readonly string[] ZhRegionCodes =
        ["110101", "110105", "120101", "310104", "310115", "320102", "320506", "330102", "330106", "340104", "350203",
         "370102", "410105", "420106", "430104", "440106", "440305", "500103", "510107", "530102", "610113", "620102"];

    public static string Pick(string[] list, ulong h) => list[(int)(h % (ulong)list.Length)];

    private static string[] Load(string category, string path, string locale)
    {
        var items = new List<string>();
        if (Bogus.Database.Get(category, path, locale) is BArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                items.Add(array[i].StringValue);
            }
        }

        return items.Count > 0 ? [.. items.Distinct(StringComparer.Ordinal)] : throw new InvalidOperationException($"Bogus has no {locale} {category}.{path} list");
    }
}
